-- Issue 13 defect 4: an SBOM with schema problems is imported "accepted with N warnings"; the warnings
-- (each naming its JSON pointer or XML line) are kept with the document so the SBOM page and the API
-- show them later. warnings: a JSON array of at most SbomStore.STORED_WARNINGS texts; warning_count: all.
ALTER TABLE sbom_document ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sbom_document ADD COLUMN warnings TEXT;
-- The organisation refuses SBOMs with any schema problem, as before issue 13 (mamori org settings --sbom-strict on).
ALTER TABLE organization ADD COLUMN sbom_strict BOOLEAN NOT NULL DEFAULT FALSE;
