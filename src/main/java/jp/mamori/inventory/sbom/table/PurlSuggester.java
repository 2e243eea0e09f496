package jp.mamori.inventory.sbom.table;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.mamori.inventory.sbom.Text;

/**
 * A package URL guessed from the product URL a vendor wrote in its table, for the package registries
 * whose page URLs name the package unambiguously: Maven Central (repository paths, mvnrepository.com,
 * central.sonatype.com), npmjs.com, pypi.org, github.com. Anything else gives no suggestion rather than a
 * wrong one. The table's version column wins over a version in the URL: it is what the vendor says is
 * installed.
 */
public final class PurlSuggester {
    private PurlSuggester() { }

    public static Optional<String> fromUrl(String url, String version) {
        String u = Text.clean(url);
        if (u == null) return Optional.empty();
        URI uri;
        try {
            uri = new URI(u.contains("://") ? u : "https://" + u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getPath() == null) return Optional.empty();
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        List<String> p = segments(uri.getPath());
        String v = Text.clean(version);
        try {
            return Optional.ofNullable(switch (host) {
                case "repo1.maven.org", "repo.maven.apache.org" -> mavenRepository(p, v);
                case "mvnrepository.com", "central.sonatype.com" -> mavenArtifactPage(p, v);
                case "npmjs.com" -> npm(p, v);
                case "pypi.org" -> pypi(p, v);
                case "github.com" -> github(p, v);
                default -> null;
            });
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    /** .../maven2/org/apache/logging/log4j/log4j-core/2.17.1/[log4j-core-2.17.1.jar] */
    private static String mavenRepository(List<String> p, String version) throws MalformedPackageURLException {
        if (p.isEmpty() || !p.get(0).equals("maven2")) return null;
        List<String> s = new ArrayList<>(p.subList(1, p.size()));
        if (!s.isEmpty() && s.get(s.size() - 1).matches(".+\\.(jar|pom|war|aar|ear|zip|module)")) s.remove(s.size() - 1);
        if (s.size() < 2) return null;
        String last = s.get(s.size() - 1);
        boolean lastIsVersion = s.size() >= 3 && (version != null ? last.equals(version) : last.matches("\\d.*"));
        String urlVersion = lastIsVersion ? last : null;
        int artifactIndex = lastIsVersion ? s.size() - 2 : s.size() - 1;
        String group = String.join(".", s.subList(0, artifactIndex));
        return maven(group, s.get(artifactIndex), Text.firstOf(version, urlVersion));
    }

    /** mvnrepository.com/artifact/g/a[/v], central.sonatype.com/artifact/g/a[/v] */
    private static String mavenArtifactPage(List<String> p, String version) throws MalformedPackageURLException {
        if (p.size() < 3 || !p.get(0).equals("artifact")) return null;
        return maven(p.get(1), p.get(2), Text.firstOf(version, p.size() > 3 ? p.get(3) : null));
    }

    private static String maven(String group, String artifact, String version) throws MalformedPackageURLException {
        if (group.isEmpty()) return null;
        return build("maven", group, artifact, version);
    }

    /** npmjs.com/package/name, /package/@scope/name, optionally followed by /v/1.2.3 */
    private static String npm(List<String> p, String version) throws MalformedPackageURLException {
        if (p.size() < 2 || !p.get(0).equals("package")) return null;
        boolean scoped = p.get(1).startsWith("@");
        if (scoped && p.size() < 3) return null;
        String namespace = scoped ? p.get(1) : null;
        String name = scoped ? p.get(2) : p.get(1);
        int rest = scoped ? 3 : 2;
        String urlVersion = p.size() > rest + 1 && p.get(rest).equals("v") ? p.get(rest + 1) : null;
        return build("npm", namespace, name, Text.firstOf(version, urlVersion));
    }

    /** pypi.org/project/name[/version]; names normalised as PEP 503 and the purl spec ask. */
    private static String pypi(List<String> p, String version) throws MalformedPackageURLException {
        if (p.size() < 2 || !p.get(0).equals("project")) return null;
        String name = p.get(1).toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        return build("pypi", null, name, Text.firstOf(version, p.size() > 2 ? p.get(2) : null));
    }

    /** github.com/owner/repo[/anything]: the purl spec lower-cases GitHub names, which are case-insensitive. */
    private static String github(List<String> p, String version) throws MalformedPackageURLException {
        if (p.size() < 2) return null;
        String repo = p.get(1).replaceFirst("\\.git$", "");
        return build("github", p.get(0).toLowerCase(Locale.ROOT), repo.toLowerCase(Locale.ROOT), version);
    }

    private static String build(String type, String namespace, String name, String version)
            throws MalformedPackageURLException {
        PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(type).withName(name);
        if (namespace != null) b.withNamespace(namespace);
        if (version != null) b.withVersion(version);
        return b.build().canonicalize();
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }
}
