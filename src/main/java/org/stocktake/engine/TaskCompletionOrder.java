package org.stocktake.engine;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two completions of one task reaching this node at once are taken one after the other, so the
 * second meets a task already completed (a clean 409) instead of an execution tree changing under
 * it. Across nodes the same is done by the database: see {@link TaskSubmission}'s row lock.
 */
@Configuration
class TaskCompletionOrder {

    /** Locks shared by task ids with the same hash: enough to keep two people apart, and bounded. */
    static final int STRIPES = 256;
    private static final Pattern COMPLETION = Pattern.compile("^/engine-rest/task/([^/]+)/(complete|submit-form|resolve)$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> taskCompletionOrderFilter() {
        ReentrantLock[] locks = new ReentrantLock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Matcher completion = COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
                if (!"POST".equals(request.getMethod()) || !completion.matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                ReentrantLock lock = locks[Math.floorMod(completion.group(1).hashCode(), STRIPES)];
                lock.lock();
                try {
                    chain.doFilter(request, response);
                } finally {
                    lock.unlock();
                }
            }
        });
        registration.setName("task-completion-order");
        registration.addUrlPatterns("/engine-rest/task/*");
        return registration;
    }
}
