-- Runs with search_path set to the tenant's schema.

-- A model's verdict below its calibrated confidence threshold is kept (category = the likeliest guess)
-- but counted as "uncertain" by the dashboards and the explorer; a person's correction never is.
ALTER TABLE job_classifications ADD COLUMN uncertain boolean NOT NULL DEFAULT false;
