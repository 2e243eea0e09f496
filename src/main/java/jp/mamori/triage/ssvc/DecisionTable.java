package jp.mamori.triage.ssvc;

/** An SSVC decision table: decision-point values in, one row and its outcome out. */
public interface DecisionTable {

    /** Table id and version as CERT/CC names it, e.g. "cisa_coordinator 2.0.3". */
    String id();

    SsvcDecision decide(SsvcInputs inputs);
}
