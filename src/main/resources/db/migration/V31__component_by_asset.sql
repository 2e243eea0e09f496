-- An asset's components (its SBOM's platform for "running on", a re-assessment of the asset, whether its SBOM
-- lists the device's own product) were read by scanning the whole component table: no index led by asset_id.
-- With 100,000 inventoried components, one new advisory took 6.7 s to re-match (bench P2), almost all of it
-- in these scans, once per touched asset.
CREATE INDEX component_by_asset ON component (asset_id, current_doc);
