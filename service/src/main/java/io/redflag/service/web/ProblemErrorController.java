package io.redflag.service.web;

import io.redflag.service.web.BodySizeLimit.BodyTooLargeException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error page of every request no controller answered itself (actuator endpoints, filters, unknown
 * paths): an RFC 9457 problem detail instead of Spring Boot's own JSON, a client error logged on one line
 * without the body, a server error with the stack trace in the log and nothing of it in the answer.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errors;

    ProblemErrorController(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable error = errors.getError(new ServletWebRequest(request));
        HttpStatus status = status(request, error);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String detail;
        if (status.is5xxServerError()) {
            detail = "The service could not answer this request; the service log has the details.";
            log.error("{} answering {}", status.value(), path, error);
        } else {
            detail = clientDetail(status, error);
            log.warn("Refused a request to {}: {} {}", path, status.value(), detail);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, detail, path));
    }

    private static HttpStatus status(HttpServletRequest request, Throwable error) {
        if (find(error, BodyTooLargeException.class) != null) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** What the client did wrong, in words of our own: exception messages may quote the body. */
    private static String clientDetail(HttpStatus status, Throwable error) {
        if (find(error, BodyTooLargeException.class) != null) {
            return find(error, BodyTooLargeException.class).getMessage();
        }
        InvalidEndpointRequestException invalid = find(error, InvalidEndpointRequestException.class);
        if (invalid != null) {
            return invalid.getReason();
        }
        return status.getReasonPhrase();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
