-- An organisation's own detection thresholds and windows (issue 15: per-organisation policy), in place
-- of detection.yaml's (or the defaults) for that organisation only. One row per setting it changed;
-- the value is a number (bytes, a count or seconds, see PolicySetting); no row: the file's value.
CREATE TABLE detection_threshold (
    organization_id  BIGINT NOT NULL REFERENCES organization (id),
    setting_key      VARCHAR(40) NOT NULL,
    setting_value    BIGINT NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       VARCHAR(100) NOT NULL,
    PRIMARY KEY (organization_id, setting_key)
);
