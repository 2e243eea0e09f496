-- Every vulnerable instance is a finding (issue 12.6): two versions of one package in one asset (the
-- juice-shop SBOM lists lodash 4.17.19 and 2.4.2) are two findings. The finding's identity is now
-- (asset, component identity, vulnerability, instance), the instance being the component's version;
-- decisions still attach to the finding row, which the next SBOM of the asset carries over (the
-- recorder pairs each new version with the row of the same version, else with a remaining row).
ALTER TABLE finding ADD COLUMN component_instance VARCHAR(200) DEFAULT '' NOT NULL;
UPDATE finding SET component_instance = COALESCE(component_version, '');
ALTER TABLE finding DROP CONSTRAINT finding_identity;
ALTER TABLE finding ADD CONSTRAINT finding_instance UNIQUE (asset_id, component_identity, vuln_id, component_instance);
