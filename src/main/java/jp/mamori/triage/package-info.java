/**
 * Triage core (SPEC §4), plain Java: {@code cvss} scores vectors and picks the score a finding uses,
 * {@code ssvc} holds the CERT/CC decision points and tables, {@code policy} the organisation's
 * settings and deadlines, {@code explain} the Japanese/English reasons. {@link jp.mamori.triage.Triage}
 * ties them together: facts + asset context + policy + overrides + clock → {@link jp.mamori.triage.TriageResult}.
 */
package jp.mamori.triage;
