-- Scheduled reports are e-mailed through the same outbox as every other e-mail: with an HTML alternative and
-- attachments (the PDF, the CSV zip), as a JSON array of {fileName, contentType, content (base64)}.
ALTER TABLE email_outbox ADD COLUMN html_body text, ADD COLUMN attachments jsonb;
