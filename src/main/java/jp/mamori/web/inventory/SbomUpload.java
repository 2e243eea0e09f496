package jp.mamori.web.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.scope.ScopeReport;
import jp.mamori.inventory.scope.Tier;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.ForbiddenException;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.PayloadTooLargeException;

/**
 * An SBOM handed in through the web page or the API: the caller's scope is checked first, the
 * body is put in a temporary file, and the application layer's {@link AddSbom} does the rest —
 * the same reading, storing, matching, follow-up and audit entry as {@code mamori sbom add}.
 */
@org.springframework.stereotype.Component
public class SbomUpload {

    /** Larger documents are refused before parsing (the parser bounds sizes and depths too). */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final String AUDIT_ACTION = Audited.SBOM_ADDED;

    private final Mamori mamori;
    private final ScopedInventory inventory;

    public SbomUpload(Mamori mamori, ScopedInventory inventory) {
        this.mamori = mamori;
        this.inventory = inventory;
    }

    public record Result(SbomStore.StoredSbom sbom, FindingRecorder.Result findings, List<String> warnings, long withoutIdentifier,
                         ScopeReport scope, boolean held, int wouldClose) {
        /** What the asset page shows after the redirect: a flash attribute, so serializable (sessions live in the database). */
        public Notice notice() {
            return new Notice(new Notice.Sbom(sbom.id(), sbom.format(), sbom.specVersion(), sbom.componentCount()), findings,
                    warnings.size(), new java.util.ArrayList<>(warnings.subList(0, Math.min(warnings.size(), SbomStore.STORED_WARNINGS))),
                    withoutIdentifier, new Notice.Scope(scope.required(), scope.achieved().orElse(null)), held, wouldClose);
        }
    }

    /**
     * The upload's outcome as the asset page shows it; every field serializable (multi-node sessions, ADR 0016).
     * {@code warningCount}: all the document's warnings ("accepted with N warnings"); {@code warnings}: the first
     * {@link SbomStore#STORED_WARNINGS} of them, as the SBOM page keeps them (the session stays small).
     */
    public record Notice(Sbom sbom, FindingRecorder.Result findings, int warningCount, java.util.ArrayList<String> warnings, long withoutIdentifier,
                         Scope scope, boolean held, int wouldClose) implements java.io.Serializable {
        public record Sbom(long id, String format, String specVersion, int componentCount) implements java.io.Serializable { }

        /** {@code achieved}: null when not even the minimal tier is met. */
        public record Scope(Tier required, Tier achieved) implements java.io.Serializable { }
    }

    public Result upload(AccessScope scope, long orgId, long assetId, byte[] bytes, String originalName, String assetVersion) {
        return upload(scope, orgId, assetId, bytes, originalName, assetVersion, false);
    }

    /** @param confirm a security officer confirms an empty SBOM or one that closes open findings */
    public Result upload(AccessScope scope, long orgId, long assetId, byte[] bytes, String originalName, String assetVersion, boolean confirm) {
        requireWritable(scope, orgId, assetId);
        if (bytes == null || bytes.length == 0) throw new BadRequestException("ファイルが空です / the file is empty");
        if (bytes.length > MAX_BYTES) throw new PayloadTooLargeException(TOO_LARGE);
        return upload(scope, orgId, assetId, new java.io.ByteArrayInputStream(bytes), bytes.length, originalName, assetVersion, confirm);
    }

    static final String TOO_LARGE = "ファイルが大きすぎます（上限 " + (MAX_BYTES / (1024 * 1024)) + " MiB） / the file is too large (at most "
            + (MAX_BYTES / (1024 * 1024)) + " MiB)";

    /**
     * The caller may write SBOMs of this asset; else 404, exactly as for an asset that does not
     * exist. Checked before a byte of the body is read (issue 18.3).
     */
    public void requireWritable(AccessScope scope, long orgId, long assetId) {
        inventory.asset(scope, orgId, assetId);
        if (!inventory.canWriteAsset(scope, orgId, assetId)) throw new NotFoundException("no such asset");
    }

    /** The declared length (-1 when unknown) against the limit, before reading: 413. */
    public static void checkDeclaredLength(long declared) {
        if (declared > MAX_BYTES) throw new PayloadTooLargeException(TOO_LARGE);
    }

    /**
     * A body read as a stream, never held in memory: scope first, then the declared length, then
     * at most {@link #MAX_BYTES} copied to a temporary file (413 beyond, and the file removed).
     */
    public Result upload(AccessScope scope, long orgId, long assetId, java.io.InputStream body, long declaredLength, String originalName,
                         String assetVersion, boolean confirm) {
        requireWritable(scope, orgId, assetId);
        checkDeclaredLength(declaredLength);
        String fileName = fileName(originalName);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("mamori-upload-", suffix(fileName));
            long copied = copyAtMost(body, tmp, MAX_BYTES);
            if (copied == 0) throw new BadRequestException("ファイルが空です / the file is empty");
            Actor actor = Actor.web(scope.username(), false, scope.role() == Role.SECURITY_OFFICER);
            AddSbom.Result r = mamori.addSbom().run(actor, orgId, assetId, new AddSbom.Input(tmp, fileName, assetVersion, confirm));
            return new Result(r.sbom(), r.findings(), r.document().warnings(), r.withoutIdentifier(), r.scope(), r.held(), r.wouldClose().size());
        } catch (InvalidInputException | InventoryException e) {
            throw new BadRequestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("アップロードを一時保存できません / cannot store the upload: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary folder is cleaned by the system
                }
            }
        }
    }

    /** Copies at most {@code limit} bytes; one more means the body is too large (413). */
    static long copyAtMost(java.io.InputStream in, Path target, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (java.io.OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) throw new PayloadTooLargeException(TOO_LARGE);
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    /** Only the organisation's security officer confirms; anyone else who may see the SBOM is refused (403). */
    public FindingRecorder.Result confirm(AccessScope scope, long orgId, SbomStore.StoredSbom sbom) {
        if (scope.role() != Role.SECURITY_OFFICER || scope.readOnly()) {
            throw new ForbiddenException("確認できるのは情報セキュリティ担当のみです / only the security officer can confirm a held SBOM");
        }
        try {
            return mamori.addSbom().confirm(Actor.web(scope.username(), false, true), orgId, sbom.id());
        } catch (InventoryException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
    }

    static Tier requiredTier(ItSystem system) {
        return AddSbom.requiredTier(system);
    }

    /** The name's extension, which format detection reads (".cdx.json", ".spdx", ".xlsx"). */
    static String suffix(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".cdx.json", ".cdx.xml", ".spdx.json", ".spdx"}) if (lower.endsWith(ext)) return ext;
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,8}") ? ext : ".sbom";
    }

    /** The last path segment of what the browser sent, without control characters, at most 200 characters. */
    static String fileName(String original) {
        String n = original == null ? "" : original;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("\\p{Cntrl}", "").strip();
        if (n.length() > 200) n = n.substring(n.length() - 200);
        return n.isEmpty() ? "sbom" : n;
    }
}
