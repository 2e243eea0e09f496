package jp.mamori.web.partners;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractKind;
import jp.mamori.partners.ContractStatus;
import jp.mamori.partners.ContractView;
import jp.mamori.partners.Party;
import jp.mamori.partners.Phase;
import jp.mamori.partners.ReadinessDiff;
import jp.mamori.partners.ReadinessSnapshot;
import jp.mamori.partners.RoleMatrix;
import jp.mamori.partners.SystemRoles;

/** The JSON answers of {@code /api/v1/partners/…} (stable names and order; Jackson 3 would sort them alphabetically). */
final class PartnersJson {
    private PartnersJson() { }

    /** A contract in a list: vendor by name, the assets it covers by code, its flags by key, answers waiting for approval. */
    @JsonPropertyOrder({"code", "title", "vendor", "kind", "status", "endsOn", "covers", "flags", "pendingAnswers"})
    record ContractSummary(String code, String title, String vendor, ContractKind kind, ContractStatus status, String endsOn, List<String> covers,
                           List<String> flags, long pendingAnswers) {
        static ContractSummary of(ContractView v) {
            Contract k = v.contract();
            return new ContractSummary(k.code(), k.title(), k.vendorName(), k.kind(), k.status(), k.endsOn() == null ? null : k.endsOn().toString(),
                    v.covered().stream().map(a -> a.code()).toList(), v.flags().stream().map(f -> f.flag().key()).distinct().toList(), v.pending());
        }
    }

    /** A contract document stored: its name, type, size and SHA-256. */
    @JsonPropertyOrder({"contract", "name", "type", "bytes", "sha256"})
    record Attached(String contract, String name, String type, int bytes, String sha256) { }

    @JsonPropertyOrder({"contract", "answered", "proposed"})
    record Answered(String contract, int answered, boolean proposed) { }

    @JsonPropertyOrder({"contract", "approved"})
    record Approved(String contract, int approved) { }

    /** What the role endpoints answer: the organisation's matrix, one system's, or a cell just set. */
    sealed interface Roles permits Matrix, SystemMatrix, Assigned { }

    /** The organisation's matrix with each system's summary. */
    @JsonPropertyOrder({"assignments", "gaps", "drills", "systems"})
    record Matrix(List<RoleMatrix.Assignment> assignments, List<Phase> gaps, List<RoleMatrix.Drill> drills, List<SystemSummary> systems)
            implements Roles { }

    @JsonPropertyOrder({"code", "name", "boundary", "ownCells", "gaps"})
    record SystemSummary(String code, String name, boolean boundary, int ownCells, List<Gap> gaps) {
        static SystemSummary of(SystemRoles s) {
            return new SystemSummary(s.systemCode(), s.systemName(), s.boundary(), s.cells().size(), Gap.of(s));
        }
    }

    /** The matrix that holds for one information system: the organisation's cells with the system's own laid over them. */
    @JsonPropertyOrder({"system", "assignments", "own", "gaps", "drills", "drillsOfItsOwn"})
    record SystemMatrix(SystemRef system, List<RoleMatrix.Assignment> assignments, List<SystemRoles.Cell> own, List<Gap> gaps,
                        List<RoleMatrix.Drill> drills, boolean drillsOfItsOwn) implements Roles {
        static SystemMatrix of(SystemRoles s) {
            RoleMatrix m = s.effective();
            return new SystemMatrix(new SystemRef(s.systemCode(), s.systemName(), s.boundary()), m.assignments(), s.cells(), Gap.of(s), m.drills(),
                    s.differs());
        }
    }

    @JsonPropertyOrder({"code", "name", "boundary"})
    record SystemRef(String code, String name, boolean boundary) { }

    /** A gap of a system's matrix, explained in both languages. */
    @JsonPropertyOrder({"phase", "party", "ja", "en"})
    record Gap(Phase phase, Party party, String ja, String en) {
        static List<Gap> of(SystemRoles s) {
            return s.gaps().stream().map(g -> new Gap(g.phase(), g.party(), g.ja(), g.en())).toList();
        }
    }

    /** The organisation's matrix after a cell was set: its cells and its gaps. */
    @JsonPropertyOrder({"assignments", "gaps"})
    record Assigned(List<RoleMatrix.Assignment> assignments, List<Phase> gaps) implements Roles { }

    /** A readiness report as issued: when, by whom, its SHA-256 and whether the stored body still has it. */
    @JsonPropertyOrder({"id", "issuedAt", "issuedBy", "sha256", "intact"})
    record Issued(long id, String issuedAt, String issuedBy, String sha256, boolean intact) {
        static Issued of(ReadinessSnapshot s) {
            return new Issued(s.id(), s.issuedAt().toString(), s.issuedBy(), s.sha256(), s.intact());
        }
    }

    /** One readiness report with its content and what changed since the one before. */
    @JsonPropertyOrder({"id", "issuedAt", "issuedBy", "sha256", "intact", "report", "diff"})
    record Report(long id, String issuedAt, String issuedBy, String sha256, boolean intact, jp.mamori.partners.ReadinessReport report,
                  ReadinessDiff diff) {
        static Report of(ReadinessSnapshot s, ReadinessDiff diff) {
            return new Report(s.id(), s.issuedAt().toString(), s.issuedBy(), s.sha256(), s.intact(), s.report(), diff);
        }
    }

    /** A partners list imported: how many and their names. */
    @JsonPropertyOrder({"imported", "partners"})
    record Imported(int imported, List<String> partners) { }

    /**
     * A configuration share: {@code latest} for each vendor's newest (the one that counts), and for that one whether the
     * next share is due now and why ({@code due}).
     */
    @JsonPropertyOrder({"id", "vendorId", "vendor", "sharedOn", "recipient", "sha256", "nextDue", "recordedBy", "latest", "dueNow", "due"})
    record Share(long id, long vendorId, String vendor, String sharedOn, String recipient, String sha256, String nextDue, String recordedBy,
                 boolean latest, boolean dueNow, String due) { }

    /** A share recorded, with the package generated for it; the JSON name {@code package} is a Java keyword, hence {@code pack}. */
    @JsonPropertyOrder({"share", "package"})
    record Shared(Share share, @JsonProperty("package") Pack pack) { }

    /** The package: the JSON (whose SHA-256 is recorded) as text, the .xlsx beside it in Base64. */
    @JsonPropertyOrder({"fileName", "sha256", "json", "xlsxName", "xlsx"})
    record Pack(String fileName, String sha256, String json, String xlsxName, String xlsx) { }

    @JsonPropertyOrder({"id", "date", "title", "system"})
    record DrillRecorded(long id, String date, String title, String system) { }
}
