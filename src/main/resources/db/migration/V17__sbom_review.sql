-- An SBOM that would close open Act/Attend findings (or has no components) is held until a
-- security officer confirms it: review_state 'held' → 'confirmed'; NULL for SBOMs that never needed it.
ALTER TABLE sbom_document ADD COLUMN review_state VARCHAR(20);
