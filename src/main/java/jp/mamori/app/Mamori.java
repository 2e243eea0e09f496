package jp.mamori.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import jp.mamori.advisory.index.MatchIndexes;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.app.detection.ChangeIncidentState;
import jp.mamori.app.detection.ImportLogs;
import jp.mamori.app.detection.ManageDetectionLists;
import jp.mamori.app.feeds.ImportFeeds;
import jp.mamori.app.feeds.SyncFeeds;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.app.inventory.AssetLocks;
import jp.mamori.app.inventory.CreateAsset;
import jp.mamori.app.inventory.CreateOrganization;
import jp.mamori.app.inventory.CreateSystem;
import jp.mamori.app.inventory.ImportLedger;
import jp.mamori.app.jobs.BackgroundJobs;
import jp.mamori.app.remediation.DecideFinding;
import jp.mamori.app.remediation.OverrideSsvcInput;
import jp.mamori.app.remediation.RecordSuggestedMitigations;
import jp.mamori.app.remediation.RunDaily;
import jp.mamori.app.remediation.UpdateMitigation;
import jp.mamori.app.scan.ScanSbom;
import jp.mamori.audit.AuditLog;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.DetectionPolicyYaml;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.KnowledgeBaseCpeSuggester;
import jp.mamori.inventory.SbomStore;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.JobQueue;
import jp.mamori.remediation.FindingHistory;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingWorkflow;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.remediation.OverrideStore;
import jp.mamori.remediation.export.FindingExporter;
import jp.mamori.remediation.export.VexExporter;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.notify.JdbcRecipients;
import jp.mamori.notify.NotificationSettingsStore;
import jp.mamori.notify.Notifier;
import jp.mamori.notify.Recipients;
import jp.mamori.notify.SmtpMailTransport;
import jp.mamori.notify.SmtpSettings;
import jp.mamori.notify.WebhookSender;
import jp.mamori.remediation.schedule.RemediationScheduler;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.partners.ClauseCatalogue;
import jp.mamori.partners.ContractStore;
import jp.mamori.partners.CoverageQuery;
import jp.mamori.partners.PartnersService;
import jp.mamori.partners.ReadinessStore;
import jp.mamori.partners.RoleStore;
import jp.mamori.partners.ShareStore;
import jp.mamori.partners.VendorStore;
import jp.mamori.app.partners.AnswerChecklist;
import jp.mamori.app.partners.ApproveChecklist;
import jp.mamori.app.partners.AssignRole;
import jp.mamori.app.partners.AttachContractDocument;
import jp.mamori.app.partners.ImportPartners;
import jp.mamori.app.partners.IssueReadinessReport;
import jp.mamori.app.partners.RecordDrill;
import jp.mamori.app.partners.RecordNda;
import jp.mamori.app.partners.SaveContract;
import jp.mamori.app.partners.SaveVendor;
import jp.mamori.app.partners.ShareConfiguration;

/**
 * Mamori as one object: every service built once over one database, one clock and one set of
 * settings, and every user action as a use case. The command line opens it per command, the
 * server once (Spring exposes its parts as beans); both call the same use cases, so an action
 * stores, re-assesses, follows up, notifies and audits the same way whichever front end it came
 * from (ADR 0008).
 */
public final class Mamori implements AutoCloseable {

    private final Database database;
    private final boolean ownsDatabase;
    private final Clock clock;
    private final MamoriSettings settings;
    private final TriagePolicy policy;

    private final AuditLog audit;
    private final InventoryRepository inventory;
    private final SbomStore sboms;
    private final KnowledgeBase knowledgeBase;
    private final FindingQuery findings;
    private final FindingHistory findingHistory;
    private final OverrideStore overrides;
    private final Recipients recipients;
    private final MitigationService mitigations;
    private final FindingWorkflow workflow;
    private final NotificationSettingsStore notificationSettings;
    private final InventoryAssessment assessment;
    private final DetectionStore detections;
    private final AssetLocks assetLocks = new AssetLocks();
    private final java.util.Map<Class<?>, Object> edgeParts = new java.util.concurrent.ConcurrentHashMap<>();
    private final MatchIndexes matchIndexes;
    private final JobQueue jobQueue;
    private Notifier notifier;
    private final VendorStore vendors;
    private final ContractStore contracts;
    private final ShareStore shares;
    private final RoleStore roles;
    private final CoverageQuery coverage;
    private final ReadinessStore readiness;
    private final PartnersService partners;

    private Mamori(Database database, boolean ownsDatabase, Clock clock, MamoriSettings settings) {
        this.database = Objects.requireNonNull(database);
        this.ownsDatabase = ownsDatabase;
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.policy = settings.policy();
        this.audit = new AuditLog(database.dataSource(), clock);
        this.inventory = new InventoryRepository(database.dataSource());
        this.sboms = new SbomStore(database);
        this.knowledgeBase = new KnowledgeBase(database.dataSource());
        this.findings = new FindingQuery(database.dataSource());
        this.findingHistory = new FindingHistory(database.dataSource());
        this.overrides = new OverrideStore(database);
        this.recipients = new JdbcRecipients(database.dataSource());
        this.mitigations = new MitigationService(database, clock);
        this.workflow = new FindingWorkflow(database, recipients, mitigations, clock);
        this.notificationSettings = new NotificationSettingsStore(database.dataSource());
        this.assessment = new InventoryAssessment(database, clock, policy);
        this.matchIndexes = new MatchIndexes(database.dataSource(), settings.dataDir(),
                database.settings().isEmbedded() ? null : database.settings().displayUrl());
        this.jobQueue = new JobQueue(database.dataSource(), clock);
        this.vendors = new VendorStore(database);
        this.contracts = new ContractStore(database);
        this.shares = new ShareStore(database);
        this.roles = new RoleStore(database);
        this.coverage = new CoverageQuery(database);
        this.readiness = new ReadinessStore(database);
        this.partners = new PartnersService(database, vendors, contracts, shares, roles, coverage,
                ClauseCatalogue.load(settings.dataDir().resolve("clauses.yaml")));
        this.detections = new DetectionStore(database.dataSource());
    }

    /** Over a database the caller keeps open (the server's). */
    public static Mamori open(Database database, Clock clock, MamoriSettings settings) {
        return new Mamori(database, false, clock, settings);
    }

    /** Over a database this object closes (a CLI command's). */
    public static Mamori owning(Database database, Clock clock, MamoriSettings settings) {
        return new Mamori(database, true, clock, settings);
    }

    // --- the parts, for reading and for the edges that render them -------------------------

    public Database database() { return database; }
    public Clock clock() { return clock; }
    public MamoriSettings settings() { return settings; }
    public TriagePolicy policy() { return policy; }
    public AuditLog audit() { return audit; }
    public InventoryRepository inventory() { return inventory; }
    public SbomStore sboms() { return sboms; }
    public KnowledgeBase knowledgeBase() { return knowledgeBase; }
    public FindingQuery findings() { return findings; }
    /** The dashboard's cards and the lists they link to: one query for every front end (issue 12). */
    public jp.mamori.remediation.Worklist worklist() { return new jp.mamori.remediation.Worklist(findings); }
    public FindingHistory findingHistory() { return findingHistory; }
    public OverrideStore overrides() { return overrides; }
    public Recipients recipients() { return recipients; }
    public MitigationService mitigations() { return mitigations; }
    public FindingWorkflow workflow() { return workflow; }
    public NotificationSettingsStore notificationSettings() { return notificationSettings; }
    public InventoryAssessment assessment() { return assessment; }
    public FindingExporter findingExporter() { return new FindingExporter(database); }
    public VexExporter vexExporter() { return new VexExporter(database, clock); }
    public KnowledgeBaseCpeSuggester cpeSuggester() { return new KnowledgeBaseCpeSuggester(database.dataSource()); }
    public AssetLocks assetLocks() { return assetLocks; }
    /** The compiled match index beside the database (ADR 0015), kept open for the life of this object. */
    public MatchIndexes matchIndexes() { return matchIndexes; }
    /** Background and scheduled work shared by every node on this database (ADR 0016). */
    public JobQueue jobQueue() { return jobQueue; }
    public VendorStore vendors() { return vendors; }
    public ContractStore contracts() { return contracts; }
    public ShareStore shares() { return shares; }
    public RoleStore roles() { return roles; }
    public CoverageQuery coverage() { return coverage; }
    public ReadinessStore readinessReports() { return readiness; }
    public PartnersService partners() { return partners; }
    /** Today in Tokyo, by Mamori's clock. */
    public java.time.LocalDate today() { return java.time.LocalDate.now(clock.withZone(TriagePolicy.TOKYO)); }
    public DetectionStore detections() { return detections; }
    /** The detection rules' thresholds and windows: the policy file's, else the defaults (issue 15). */
    public DetectionPolicy.Thresholds detectionThresholds() { return detectionSettings().thresholds(); }

    /**
     * One organisation's detection policy: its allow-list (store) and the policy file's entries, the
     * organisation's own thresholds and windows where it set them, else the file's (or the defaults), and the file's zone.
     */
    public DetectionPolicy detectionPolicy(long orgId) {
        return detectionSettings().policy(detections.allowList(orgId), detections.thresholds(orgId));
    }

    private DetectionPolicyYaml.Settings detectionSettings;
    private String detectionSettingsKey;

    /**
     * The detection policy file as it is now (MAMORI_DETECTION_POLICY or DATA/detection.yaml), read again
     * when it changes, so that a running server follows an edit; a bad file is an error naming the key,
     * and nothing of it is used.
     */
    public synchronized DetectionPolicyYaml.Settings detectionSettings() {
        java.nio.file.Path file;
        try {
            file = settings.detectionPolicyFile();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        if (file == null) return DetectionPolicyYaml.Settings.defaults();
        String key;
        try {
            key = file.toAbsolutePath() + "|" + java.nio.file.Files.getLastModifiedTime(file).toMillis() + "|" + java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(file + ": 読めません / cannot read: " + e.getMessage(), e);
        }
        if (key.equals(detectionSettingsKey)) return detectionSettings;
        try {
            detectionSettings = DetectionPolicyYaml.load(file);
        } catch (DetectionPolicyYaml.PolicyFileException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        detectionSettingsKey = key;
        return detectionSettings;
    }

    /** E-mail and webhooks as configured (MAMORI_SMTP_*, or the notification settings file); built on first use. */
    public synchronized Notifier notifier() {
        if (notifier == null) {
            Optional<SmtpSettings> smtp = SmtpSettings.resolve(settings.notifySettingsFile(), settings.env());
            notifier = new Notifier(database, recipients, smtp.map(s -> new SmtpMailTransport(s, clock)).orElse(null),
                    new WebhookSender(Duration.ofSeconds(10)), clock);
        }
        return notifier;
    }

    public Optional<SmtpSettings> smtp() {
        return SmtpSettings.resolve(settings.notifySettingsFile(), settings.env());
    }

    public RemediationScheduler scheduler() {
        return new RemediationScheduler(database, notifier());
    }

    /**
     * A part an edge builds over this object and keeps for its life: the accounts and API tokens
     * of {@code jp.mamori.security} hash passwords with Spring Security, so this framework-free
     * layer cannot build them itself, yet every front end must get the same ones from here rather
     * than construct their stores (ADR 0008). Built on first use, once per type.
     */
    public <T> T edgePart(Class<T> type, java.util.function.Function<Mamori, ? extends T> build) {
        return type.cast(edgeParts.computeIfAbsent(type, t -> build.apply(this)));
    }

    // --- use cases: one per user action ------------------------------------------------------

    public FollowUp followUp() { return new FollowUp(this); }
    public AddSbom addSbom() { return new AddSbom(this); }
    public jp.mamori.app.inventory.ConfirmIdentifier confirmIdentifier() { return new jp.mamori.app.inventory.ConfirmIdentifier(this); }
    public jp.mamori.inventory.IdentifierConfirmationStore identifierConfirmations() {
        return new jp.mamori.inventory.IdentifierConfirmationStore(database.dataSource());
    }
    public ScanSbom scanSbom() { return new ScanSbom(this); }
    public ImportFeeds importFeeds() { return new ImportFeeds(this); }
    public jp.mamori.app.feeds.FeedsStatus feedsStatus() { return new jp.mamori.app.feeds.FeedsStatus(this); }
    public SyncFeeds syncFeeds() { return new SyncFeeds(this); }
    public ImportLedger importLedger() { return new ImportLedger(this); }
    public CreateOrganization createOrganization() { return new CreateOrganization(this); }
    public jp.mamori.app.inventory.ChangeOrganizationSettings changeOrganizationSettings() { return new jp.mamori.app.inventory.ChangeOrganizationSettings(this); }
    public jp.mamori.inventory.OrganizationSettings organizationSettings() { return new jp.mamori.inventory.OrganizationSettings(database.dataSource()); }
    public CreateSystem createSystem() { return new CreateSystem(this); }
    public CreateAsset createAsset() { return new CreateAsset(this); }
    public DecideFinding decideFinding() { return new DecideFinding(this); }
    public jp.mamori.app.remediation.ApproveAcceptance approveAcceptance() { return new jp.mamori.app.remediation.ApproveAcceptance(this); }
    public jp.mamori.remediation.AcceptanceRequests acceptanceRequests() { return new jp.mamori.remediation.AcceptanceRequests(database.dataSource()); }
    public OverrideSsvcInput overrideSsvcInput() { return new OverrideSsvcInput(this); }
    public UpdateMitigation updateMitigation() { return new UpdateMitigation(this); }
    public RecordSuggestedMitigations suggestMitigations() { return new RecordSuggestedMitigations(this); }
    public RunDaily runDaily() { return new RunDaily(this); }
    public BackgroundJobs backgroundJobs() { return new BackgroundJobs(this); }
    public jp.mamori.app.prefecture.Prefecture prefecture() { return new jp.mamori.app.prefecture.Prefecture(this); }
    public SaveVendor saveVendor() { return new SaveVendor(this); }
    public RecordNda recordNda() { return new RecordNda(this); }
    public ImportPartners importPartners() { return new ImportPartners(this); }
    public SaveContract saveContract() { return new SaveContract(this); }
    public AttachContractDocument attachContractDocument() { return new AttachContractDocument(this); }
    public AnswerChecklist answerChecklist() { return new AnswerChecklist(this); }
    public ApproveChecklist approveChecklist() { return new ApproveChecklist(this); }
    public ShareConfiguration shareConfiguration() { return new ShareConfiguration(this); }
    public AssignRole assignRole() { return new AssignRole(this); }
    public jp.mamori.app.partners.AssignSystemRole assignSystemRole() { return new jp.mamori.app.partners.AssignSystemRole(this); }
    public RecordDrill recordDrill() { return new RecordDrill(this); }
    public IssueReadinessReport issueReadinessReport() { return new IssueReadinessReport(this); }
    public ImportLogs importLogs() { return new ImportLogs(this); }
    public jp.mamori.app.detection.StreamDetections streamDetections() { return new jp.mamori.app.detection.StreamDetections(this); }
    public ManageDetectionLists detectionLists() { return new ManageDetectionLists(this); }
    public jp.mamori.app.detection.ManageDetectionPolicy detectionPolicyEdits() { return new jp.mamori.app.detection.ManageDetectionPolicy(this); }
    public ChangeIncidentState changeIncidentState() { return new ChangeIncidentState(this); }

    @Override
    public void close() {
        if (ownsDatabase) database.close();
    }
}
