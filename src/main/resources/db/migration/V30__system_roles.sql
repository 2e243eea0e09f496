-- Issue 14: the role matrix (体制表) per information system where it differs from the organisation's.
-- A row overrides the organisation's cell (phase × party) for one system: raci is R/A/C/I letters,
-- or '-' for "this party has no role in this system"; no row means the organisation's cell applies.
CREATE TABLE system_role_assignment (
    organization_id  BIGINT NOT NULL REFERENCES organization (id),
    system_id        BIGINT NOT NULL REFERENCES it_system (id),
    phase            VARCHAR(20) NOT NULL,
    party            VARCHAR(20) NOT NULL,
    raci             VARCHAR(4) NOT NULL,
    vendor_id        BIGINT REFERENCES vendor (id),
    PRIMARY KEY (system_id, phase, party)
);
CREATE INDEX system_role_assignment_org ON system_role_assignment (organization_id);

-- A drill of one system's matrix (NULL: a drill of the organisation's matrix).
ALTER TABLE ir_drill ADD COLUMN system_id BIGINT REFERENCES it_system (id);
