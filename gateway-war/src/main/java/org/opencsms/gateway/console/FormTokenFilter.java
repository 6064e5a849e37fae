package org.opencsms.gateway.console;

import java.io.IOException;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every form of the console carries its view state, the token Faces issued with the page; a POST
 * without it (a form of another site sent with an operator's cookie) is refused with 403 before Faces
 * sees it. A token Faces does not know is refused by {@link ExpiredViews}.
 */
@WebFilter("/console/*")
public class FormTokenFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) == null) {
            response.sendError(403, "a console form without its token");
            return;
        }
        chain.doFilter(request, response);
    }
}
