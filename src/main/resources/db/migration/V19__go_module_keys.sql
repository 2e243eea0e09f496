-- Issue 13 defect 2: Go module paths are keyed in lower case on both sides (components were already,
-- by the purl library; advisories kept the published case, so the two never met).
CREATE TABLE go_key_fold AS
    SELECT DISTINCT statement_id, LOWER(package_name) AS package_name FROM advisory_package_key
    WHERE ecosystem = 'Go' AND package_name <> LOWER(package_name);
DELETE FROM advisory_package_key WHERE ecosystem = 'Go' AND package_name <> LOWER(package_name);
INSERT INTO advisory_package_key (statement_id, ecosystem, package_name)
    SELECT f.statement_id, 'Go', f.package_name FROM go_key_fold f
    WHERE NOT EXISTS (SELECT 1 FROM advisory_package_key k
                      WHERE k.statement_id = f.statement_id AND k.ecosystem = 'Go' AND k.package_name = f.package_name);
DROP TABLE go_key_fold;
UPDATE component SET pkg_key = LOWER(pkg_key) WHERE eco_key = 'Go' AND pkg_key <> LOWER(pkg_key);
