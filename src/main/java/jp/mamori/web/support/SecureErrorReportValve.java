package jp.mamori.web.support;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page (a request Tomcat refuses before Mamori sees it — an invalid character in the URL,
 * a malformed header — and any error no Mamori page handled) with the security headers every Mamori page
 * has, and a short Japanese-first text instead of Tomcat's page (issue 18.10).
 */
public class SecureErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        SecurityHeaders.apply(response);
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer w = response.getReporter();
            if (w == null) return;
            w.write(page(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to say
        }
    }

    static String page(int status) {
        String ja = status == 400 ? "要求が正しくありません" : status == 404 ? "見つかりません" : status == 413 ? "要求が大きすぎます"
                : status >= 500 ? "サーバーで問題が発生しました" : "要求を処理できません";
        String en = status == 400 ? "Bad request" : status == 404 ? "Not found" : status == 413 ? "Request too large"
                : status >= 500 ? "Server error" : "The request cannot be processed";
        return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>" + status + " " + ja + " | Mamori</title></head>"
                + "<body><h1>" + status + " " + ja + "</h1><p lang=\"en\">" + en + "</p><p><a href=\"/\">Mamori</a></p></body></html>\n";
    }
}
