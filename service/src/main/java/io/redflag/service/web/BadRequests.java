package io.redflag.service.web;

import io.redflag.service.web.BodySizeLimit.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's problem details for the errors a client causes (in place of Spring Boot's own handler, which
 * logs nothing), each logged on one line with the path and the status, never the body; a body that passed
 * the size limit while it was read is a 413, not an unreadable 400.
 */
@RestControllerAdvice
class BadRequests extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(BadRequests.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                        tooLarge.getMessage());
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "?";
        Object detail = answer != null && answer.getBody() instanceof ProblemDetail p ? p.getDetail() : null;
        log.warn("Refused a request to {}: {} {}", path, statusCode.value(), detail == null ? "" : detail);
        return answer;
    }
}
