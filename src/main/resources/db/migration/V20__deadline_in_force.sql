-- Issue 12: due_date is the deadline in force (the triage deadline, or a patch/mitigate decision's patch-by
-- date while it stands); triage_due keeps the triage deadline apart so that a re-match or a later decision
-- can go back to it. Mitigations are "planned" until their items are done (state mitigation_planned).
ALTER TABLE finding ADD COLUMN triage_due DATE;
UPDATE finding SET triage_due = due_date;
UPDATE finding SET due_date = (SELECT MAX(d.until_date) FROM finding_decision d WHERE d.finding_id = finding.id
        AND d.superseded_at IS NULL AND d.action IN ('patch', 'mitigate') AND d.until_date IS NOT NULL)
    WHERE state IN ('patch_scheduled', 'mitigated') AND EXISTS (SELECT 1 FROM finding_decision d WHERE d.finding_id = finding.id
        AND d.superseded_at IS NULL AND d.action IN ('patch', 'mitigate') AND d.until_date IS NOT NULL);

-- Within one priority and one deadline, the vulnerability attackers have used longest comes first (CISA KEV
-- dateAdded): with deadlines counted from detection, many Act findings share a date.
ALTER TABLE finding ADD COLUMN exploited_since DATE;
DROP INDEX finding_list_order;
CREATE INDEX finding_list_order ON finding (organization_id, priority DESC, due_date ASC, exploited_since ASC NULLS LAST, cvss_score DESC, id);
