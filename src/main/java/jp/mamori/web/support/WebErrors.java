package jp.mamori.web.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.security.OutOfScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors as the caller expects them: {@code {"error": "...", "status": 404}} under {@code /api/},
 * a plain page otherwise. Out of scope and absent answer alike (404), so that nothing about other
 * tenants leaks; messages never echo stack traces.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebErrors {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler({OutOfScopeException.class, NotFoundException.class, NoResourceFoundException.class})
    public ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_FOUND, "not_found", null);
    }

    @ExceptionHandler(BadRequestException.class)
    public ModelAndView badRequest(BadRequestException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    /** A finding of another tenant reads the same as a missing one. */
    @ExceptionHandler({jp.mamori.remediation.NoSuchFindingException.class, jp.mamori.remediation.FindingWorkflow.NoSuchAcceptanceRequestException.class})
    public ModelAndView noSuchFinding(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_FOUND, "not_found", null);
    }

    /** The remediation workflow refused a decision as given: its message says why (Japanese / English). */
    @ExceptionHandler(jp.mamori.remediation.WorkflowException.class)
    public ModelAndView workflow(jp.mamori.remediation.WorkflowException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    /** A partners file or form refused as a whole: under /api/ every problem is listed (each bad row or cell named) and nothing was stored. */
    @ExceptionHandler(jp.mamori.partners.PartnersException.class)
    public ModelAndView partners(jp.mamori.partners.PartnersException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage(), e.problems());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ModelAndView tooLarge(PayloadTooLargeException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "too_large", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    public ModelAndView forbidden(ForbiddenException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class, MultipartException.class, IllegalArgumentException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class, org.springframework.validation.BindException.class})
    public ModelAndView badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "ファイルが大きすぎます / the file is too large");
        }
        String message = e instanceof IllegalArgumentException ? e.getMessage() : "リクエストの値が不正です / bad request parameter";
        return respond(request, response, HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ModelAndView method(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ModelAndView mediaType(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null);
    }

    /** What an API error answers; {@code message} and {@code problems} (each refused line of a file) only when there are some. */
    @JsonPropertyOrder({"error", "status", "message", "problems"})
    record ErrorBody(String error, int status, @JsonInclude(JsonInclude.Include.NON_NULL) String message,
                     @JsonInclude(JsonInclude.Include.NON_NULL) java.util.List<String> problems) { }

    public static boolean api(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    private static ModelAndView respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String error, String message) {
        return respond(request, response, status, error, message, null);
    }

    private static ModelAndView respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String error, String message,
                                        java.util.List<String> problems) {
        if (api(request)) {
            ErrorBody body = new ErrorBody(error, status.value(), message, problems);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            try {
                response.getWriter().write(JSON.writeValueAsString(body));
            } catch (java.io.IOException ignored) {
                // the client went away
            }
            return null;
        }
        response.setStatus(status.value());
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("problem", message);
        return mav;
    }

    /** Anything unexpected: logged here, a bare 500 to the caller. */
    @ExceptionHandler(RuntimeException.class)
    public ModelAndView unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        java.util.Optional<String> full = jp.mamori.persistence.StorageFull.describe(e);
        if (full.isPresent()) {
            LOG.error("{} {} failed: the disk is full", request.getMethod(), request.getRequestURI());
            return respond(request, response, HttpStatus.INSUFFICIENT_STORAGE, "storage_full", full.get());
        }
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null);
    }
}
