-- Findings lists walk this index in display order (priority, then due date) and stop after one
-- page, instead of sorting every open finding of the organisation (SPEC §7 P4).
CREATE INDEX finding_list_order ON finding (organization_id, priority DESC, due_date ASC, cvss_score DESC, id);
