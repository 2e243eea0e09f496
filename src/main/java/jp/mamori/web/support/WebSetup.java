package jp.mamori.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import jp.mamori.security.SecurityBeans;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.policy.TriagePolicyYaml;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Web wiring: Japanese by default with an English switch ({@code ?lang=en}, kept in a cookie),
 * the messages, the clock and the triage policy the server applies to uploaded SBOMs.
 */
@Configuration
public class WebSetup implements WebMvcConfigurer {

    /** The zone every date on a page is shown in. */
    public static final java.time.ZoneId TOKYO = java.time.ZoneId.of("Asia/Tokyo");
    public static final String LANG_COOKIE = "mamori-lang";

    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/messages");
        m.setDefaultEncoding(StandardCharsets.UTF_8.name());
        m.setFallbackToSystemLocale(false);
        m.setDefaultLocale(Locale.JAPANESE);
        // every message goes through MessageFormat, so an apostrophe is written '' whether or not the message takes arguments
        m.setAlwaysUseMessageFormat(true);
        return m;
    }

    @Bean
    public LocaleResolver localeResolver() {
        return new JapaneseOrEnglish();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryLangInterceptor());
    }

    @Bean
    public Clock webClock() {
        return Clock.systemUTC();
    }

    /**
     * {@code ?lang=en|ja} from the query string only: reading it as a request parameter would make
     * the container parse a multipart body before the controller has checked the caller's scope
     * (issue 18.3).
     */
    static final class QueryLangInterceptor implements org.springframework.web.servlet.HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String q = request.getQueryString();
            if (q == null) return true;
            for (String pair : q.split("&")) {
                if (pair.startsWith("lang=")) {
                    String v = java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    LocaleResolver r = org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
                    if (r != null && v.matches("[A-Za-z]{2}")) r.setLocale(request, response, Locale.forLanguageTag(v));
                }
            }
            return true;
        }
    }

    /** Only Japanese (the default) and English; anything else is Japanese. */
    static final class JapaneseOrEnglish extends CookieLocaleResolver {
        JapaneseOrEnglish() {
            super(LANG_COOKIE);
            setDefaultLocale(Locale.JAPANESE);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieHttpOnly(true);
            setCookieSameSite("Lax");
            setRejectInvalidCookies(true);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return normalise(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : normalise(locale));
            if (response != null && request.isSecure()) secureLanguageCookie(response);
        }

        /**
         * Behind the TLS proxy (request.isSecure() from its X-Forwarded-Proto) the language cookie is
         * Secure like the session cookie (issue 18.10); the other cookies are kept as they are.
         */
        static void secureLanguageCookie(HttpServletResponse response) {
            java.util.List<String> cookies = new java.util.ArrayList<>(response.getHeaders("Set-Cookie"));
            boolean changed = false;
            for (int i = 0; i < cookies.size(); i++) {
                String c = cookies.get(i);
                if (c.startsWith(LANG_COOKIE + "=") && !c.toLowerCase(Locale.ROOT).contains("; secure")) {
                    cookies.set(i, c + "; Secure");
                    changed = true;
                }
            }
            if (!changed) return;
            response.setHeader("Set-Cookie", cookies.get(0));
            for (int i = 1; i < cookies.size(); i++) response.addHeader("Set-Cookie", cookies.get(i));
        }

        static Locale normalise(Locale l) {
            return l != null && "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
        }
    }
}
