-- Issue 14: a configuration share is due again after any boundary-device change. Each share keeps the
-- SHA-256 of the boundary devices as they were shared (code, kind, product, version, CPE, exposure);
-- shares recorded before this have none and follow the 180-day policy only.
ALTER TABLE config_share ADD COLUMN boundary_sha256 VARCHAR(64);
