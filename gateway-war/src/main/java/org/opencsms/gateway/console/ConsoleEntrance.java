package org.opencsms.gateway.console;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The server's root redirects to the console's dashboard: a redirect, not a welcome file, so that the
 * dashboard is only ever served under /console, behind its login (a welcome file is forwarded to under
 * the root's own, unprotected URL).
 */
@WebServlet("")
public class ConsoleEntrance extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/console/index.xhtml");
    }
}
