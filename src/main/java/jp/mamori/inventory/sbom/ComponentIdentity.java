package jp.mamori.inventory.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import java.util.Locale;

/**
 * What makes two components "the same thing, perhaps in another version" across two SBOMs: the purl
 * without version, qualifiers and subpath (arch and distro qualifiers change with rebuilds); without a
 * purl, group and name (case-insensitive, since vendor tables are typed by hand).
 */
final class ComponentIdentity {
    private ComponentIdentity() { }

    static String of(Component c) {
        String purl = Text.clean(c.purl());
        if (purl != null) {
            try {
                PackageURL p = new PackageURL(purl);
                PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(p.getType()).withName(p.getName());
                if (p.getNamespace() != null) b.withNamespace(p.getNamespace());
                return b.build().canonicalize();
            } catch (MalformedPackageURLException e) {
                int at = purl.indexOf('@');
                return at > 0 ? purl.substring(0, at) : purl;  // not a valid purl: compare its text before the version
            }
        }
        String group = Text.clean(c.group());
        String name = Text.clean(c.name());
        return "name:" + (group == null ? "" : group.toLowerCase(Locale.ROOT)) + ":"
                + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }
}
