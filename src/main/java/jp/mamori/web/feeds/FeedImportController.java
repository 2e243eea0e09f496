package jp.mamori.web.feeds;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.app.Actor;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.app.feeds.ImportFeeds;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.PayloadTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 脆弱性情報の取り込み from the browser (issue 12): the instance administrator uploads a feed file
 * (NVD, CVE 5, JVN, KEV, EPSS, OSV, CSAF, OpenVEX, CycloneDX VEX; .gz and OSV all.zip) or an offline
 * bundle on the feeds page, and it goes through the same use case as {@code mamori feeds import}
 * ({@link ImportFeeds}: the importer's checks and limits — bundles verified before anything is written,
 * size and ratio limits, lying encodings, truncated gzip — each document in its own transaction, the
 * findings re-assessed, audited {@code feeds.imported}). A refused document is told in Japanese and
 * nothing of it is stored. The upload is bounded by the web's request limit (50 MiB) and written to a
 * temporary directory that is removed afterwards; larger feeds are for the command line or a job.
 */
@Controller
@PageController
public class FeedImportController {

    /** The largest upload (the web's request limit less the multipart framing). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    static final List<String> SOURCES = List.of("nvd", "cve5", "jvn", "kev", "epss", "osv", "csaf", "openvex", "cyclonedx-vex", "bundle");

    private final Mamori mamori;

    public FeedImportController(Mamori mamori) {
        this.mamori = mamori;
    }

    /** What an import did, as the page and the API tell it. */
    public record Outcome(int documents, String stats, List<String> failures, int findingsNew, int findingsReopened, int findingsUpdated,
                          int findingsClosed) {
        public boolean failed() {
            return !failures.isEmpty();
        }
    }

    @PostMapping("/feeds/import")
    public String page(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(name = "source", required = false) String source,
                       AccessScope scope, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Access.require(scope, scope.instanceWide(), "feed import");
        try {
            Outcome o = run(scope, file, source, false);
            if (!o.failed()) {
                String name = safeName(file.getOriginalFilename());
                boolean changed = o.findingsNew() + o.findingsReopened() + o.findingsUpdated() + o.findingsClosed() > 0;
                redirect.addFlashAttribute("done", "取り込みました: " + name + " — 文書 " + o.documents() + " 件、" + o.stats()
                        + (changed ? "、検出 新規 " + o.findingsNew() + "・再発 " + o.findingsReopened() + "・更新 " + o.findingsUpdated() + "・解消 " + o.findingsClosed() : "")
                        + " / imported: " + name + " — " + o.documents() + " document(s), " + o.stats()
                        + (changed ? ", findings new " + o.findingsNew() + ", reopened " + o.findingsReopened() + ", updated " + o.findingsUpdated()
                        + ", closed " + o.findingsClosed() : ""));
                return "redirect:/feeds";
            }
            List<String> problems = new ArrayList<>();
            problems.add("取り込めなかった文書があります（" + o.failures().size() + " 件）。その文書は何も登録していません / "
                    + o.failures().size() + " document(s) not imported; nothing of them was stored");
            problems.addAll(o.failures());
            if (o.documents() > 0) problems.add("ほかの文書 " + o.documents() + " 件は取り込みました / " + o.documents() + " other document(s) imported: " + o.stats());
            return refused(response, model, problems, source);
        } catch (BadRequestException e) {
            return refused(response, model, List.of(e.getMessage(), "何も登録していません / nothing was stored"), source);
        }
    }

    @PostMapping("/api/v1/feeds/import")
    @ResponseBody
    public ResponseEntity<Outcome> api(@RequestParam(name = "file", required = false) MultipartFile file,
                                       @RequestParam(name = "source", required = false) String source, AccessScope scope) {
        Access.require(scope, scope.instanceWide(), "feed import");
        Outcome o = run(scope, file, source, true);
        return ResponseEntity.status(o.failed() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(o);
    }

    private String refused(HttpServletResponse response, Model model, List<String> problems, String source) {
        response.setStatus(400);
        model.addAttribute("rows", mamori.feedsStatus().rows());
        model.addAttribute("importForm", ImportForm.of(true));
        model.addAttribute("importProblems", problems);
        model.addAttribute("chosenSource", source);
        return "feeds/status";
    }

    private Outcome run(AccessScope scope, MultipartFile file, String source, boolean api) {
        if (file == null || file.isEmpty()) throw new BadRequestException("ファイルを選んでください / choose a feed file or an offline bundle");
        if (file.getSize() > MAX_BYTES) {
            throw new PayloadTooLargeException("ファイルが大きすぎます（" + MAX_BYTES / 1024 / 1024 + " MiB まで。大きな情報源はコマンドラインで取り込んでください） / larger than "
                    + MAX_BYTES / 1024 / 1024 + " MiB: import large feeds on the command line");
        }
        String chosen = source == null || source.isBlank() || "auto".equals(source.strip()) ? null : source.strip();
        if (chosen != null && !SOURCES.contains(chosen)) throw new BadRequestException("情報源が不明です / unknown source: " + chosen.replaceAll("[^A-Za-z0-9_-]", "?"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mamori-feed-upload-");
            Path target = dir.resolve(safeName(file.getOriginalFilename()));
            copyBounded(file, target);
            ImportFeeds.Result r;
            try {
                r = mamori.importFeeds().run(Actor.web(scope.username(), api, true), List.of(target), chosen, null);
            } catch (InvalidInputException e) {
                throw new BadRequestException(hide(e.getMessage(), dir), e);
            }
            FeedFileImporter.Summary s = r.summary();
            List<String> failures = new ArrayList<>();
            for (String f : s.failures()) failures.add(hide(f, dir));
            return new Outcome(s.documents(), String.valueOf(s.stats()), failures, r.findings().detected(), r.findings().reopened(),
                    r.findings().updated(), r.findings().closed());
        } catch (IOException e) {
            throw new BadRequestException("アップロードを保存できません / the upload could not be stored: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** The upload's own name (its extension tells .gz, .zip, .json, .xml, .csv), without any directory or odd character. */
    static String safeName(String original) {
        String n = original == null ? "" : original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        while (n.startsWith(".")) n = n.substring(1);
        if (n.isEmpty()) n = "upload";
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }

    private static void copyBounded(MultipartFile file, Path target) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = file.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_BYTES) throw new PayloadTooLargeException("ファイルが大きすぎます / the file is too large");
                out.write(buf, 0, n);
            }
        }
    }

    /** Messages name the uploaded file, never the server's temporary directory. */
    private static String hide(String message, Path dir) {
        if (message == null) return "";
        return message.replace(dir.toString() + java.io.File.separator, "").replace(dir.toString(), "");
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up eventually
        }
    }

    /** The import form of the feeds page: shown to the instance-wide administrator, with the sources offered and the size limit. */
    public record ImportForm(boolean canImport, List<String> sources, long maxMb) {
        static ImportForm of(boolean canImport) {
            return new ImportForm(canImport, SOURCES, MAX_BYTES / 1024 / 1024);
        }
    }
}
