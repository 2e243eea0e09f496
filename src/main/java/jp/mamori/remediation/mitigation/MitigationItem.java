package jp.mamori.remediation.mitigation;

/**
 * A suggested mitigation, before it is stored on a finding.
 *
 * @param itemKey stable key per finding (re-suggesting adds nothing twice)
 */
public record MitigationItem(MitigationSource source, String itemKey, String titleJa, String titleEn, String details, String url) { }
