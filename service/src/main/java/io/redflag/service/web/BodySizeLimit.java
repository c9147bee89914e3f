package io.redflag.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit before anything reads them: a declared length over it is answered
 * 413 at once; a body without a declared length (chunked) fails as soon as it passes the limit. One log line
 * each, never the body. Paths with a limit of their own (the Outbound Message endpoint) are left to it.
 */
public final class BodySizeLimit extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BodySizeLimit.class);

    private final long limit;
    private final Set<String> ownLimits;

    public BodySizeLimit(long limit, Set<String> pathsWithOwnLimits) {
        this.limit = limit;
        this.ownLimits = Set.copyOf(pathsWithOwnLimits);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ownLimits.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            log.warn("Refused {} {}: a body of {} bytes, over the limit of {} (redflag.http.max-body-size)",
                    request.getMethod(), request.getRequestURI(), declared, limit);
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit
                    + " bytes.", request.getRequestURI());
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    /** A request whose body stream fails once more than the limit has been read from it. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /** A chunked body passed the limit while it was read. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("the request body passed the limit of " + limit + " bytes");
        }
    }
}
