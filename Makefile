# Faultline: `make run` starts the product with a demo tenant; `make test` runs every suite.
SHELL := /bin/bash
CONFIG ?= Release
PORT ?= 5080
export DOTNET_CLI_TELEMETRY_OPTOUT = 1
export DOTNET_NOLOGO = 1

.PHONY: help deps stack spa build run test stop clean seed bench train

help:
	@echo "make run    install what is missing, build, start Postgres + Redis, serve on http://127.0.0.1:$(PORT)"
	@echo "make test   install what is missing and run every test suite"
	@echo "make seed   generate a tenant of N job runs through the bulk path (N=10000000, TENANT=bench10m)"
	@echo "make bench  ingest, data latency, classification latency and throughput, the seeded tenant's size and dashboards"
	@echo "            (make bench ONLY=ingest|alerts|inference|analytics|reports: those figures alone)"
	@echo "make train  reproduce the shipped classification models (models/) and ml/evaluation.md"
	@echo "make stop   stop the local Postgres and Redis"
	@echo "make clean  remove build outputs (keeps .local data)"

deps:
	@scripts/deps.sh

stack: deps
	@scripts/stack.sh start

spa: deps
	cd clientapp && npm run --silent build

build: deps
	dotnet build Clean.sln -c $(CONFIG) --nologo -v q -clp:ErrorsOnly

BENCH = dotnet bench/Faultline.Bench/bin/$(CONFIG)/net10.0/Faultline.Bench.dll
N ?= 10000000
TENANT ?= bench10m

run: spa build stack
	@scripts/dataprotection-cert.sh
	@$(BENCH) seed --tenant demo --jobs 100000 --days 30 --logs-fraction 1 --if-empty --demo-alerts
	@echo "Faultline on http://127.0.0.1:$(PORT) — log in as demo@faultline.local / faultline-demo-password; e-mails land in .local/mail/new"
	Faultline__DemoTenant__Key=$${FAULTLINE_DEMO_TENANT:-demo} Faultline__DemoTenant__Name="Demo Org" \
	Faultline__PublicBaseUrl=http://127.0.0.1:$(PORT) \
	Faultline__DataProtection__CertificatePath=$(CURDIR)/.local/dataprotection.pfx \
	Faultline__DataProtection__CertificatePassword=$${FAULTLINE_DATAPROTECTION_PASSWORD:-faultline-local} \
	Logging__Console__FormatterName=$${FAULTLINE_LOG_FORMAT:-simple} Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss " \
	dotnet src/WebApi/bin/$(CONFIG)/net10.0/Faultline.WebApi.dll --contentRoot $(CURDIR)/src/WebApi --urls http://127.0.0.1:$(PORT)

test:
	@scripts/test.sh

seed: build stack
	$(BENCH) seed --tenant $(TENANT) --jobs $(N)

bench: build stack
	$(BENCH) run --seeded-tenant $(TENANT) $(if $(ONLY),--only $(ONLY))

train:
	@scripts/train.sh

stop:
	@scripts/stack.sh stop

clean:
	dotnet clean Clean.sln -v q --nologo
	rm -rf clientapp/dist test-results
