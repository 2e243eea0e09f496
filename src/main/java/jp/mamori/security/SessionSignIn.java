package jp.mamori.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Moves a browser session from one sign-in stage to the next, with a new session id each time. */
@Component
public class SessionSignIn {

    private final SecurityContextRepository repository;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public SessionSignIn(SecurityContextRepository repository) {
        this.repository = repository;
    }

    /** Stores the new state of the session's sign-in; rotates the session id when the stage changes. */
    public void store(HttpServletRequest request, HttpServletResponse response, MamoriAuthentication previous, MamoriAuthentication next) {
        next.setDetails(previous == null ? null : previous.getDetails());
        if (previous == null || previous.stage() != next.stage()) {
            // more privilege than before: a new session id, so that an id seen earlier is worthless
            HttpSession s = request.getSession(false);
            if (s != null) request.changeSessionId();
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(next);
        holder.setContext(context);
        repository.saveContext(context, request, response);
    }

    /** Ends the session (a lock or a disabled account in the middle of signing in). */
    public void end(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        if (s != null) s.invalidate();
        holder.clearContext();
    }
}
