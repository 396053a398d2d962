package org.lesionsearch.server.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which {@link Access} each route needs, by method and route template as Javalin spells it. A
 * route missing from the table needs {@link Access#ADMIN}: a new endpoint stays closed until
 * someone decides who may use it (a test checks that every mounted route is listed).
 */
public final class RoutePolicy {

    private final Map<String, Access> byRoute;

    private RoutePolicy(Map<String, Access> byRoute) {
        this.byRoute = Map.copyOf(byRoute);
    }

    /** The server's routes. */
    public static RoutePolicy standard() {
        Map<String, Access> m = new LinkedHashMap<>();
        m.put(key("GET", "/api/health"), Access.PUBLIC);
        m.put(key("GET", "/api/openapi.json"), Access.PUBLIC);
        // the search page's static files (Javalin names their route "*"): they hold no data
        m.put(key("GET", "*"), Access.PUBLIC);
        m.put(key("GET", "/api/labels"), Access.AUTHENTICATED);
        m.put(key("GET", "/api/labels/suggest"), Access.AUTHENTICATED);
        // answered de-identified whenever the token's role asks for it
        m.put(key("GET", "/api/search"), Access.DEIDENTIFIED);
        m.put(key("GET", "/api/lesions/{id}/page"), Access.DEIDENTIFIED);
        m.put(key("GET", "/api/lesions/{id}/thumbnail.png"), Access.DEIDENTIFIED);
        m.put(key("POST", "/api/example-search"), Access.DEIDENTIFIED);
        m.put(key("POST", "/api/example-search/preview"), Access.DEIDENTIFIED);
        // whole records, patient ids and dates
        m.put(key("POST", "/api/search"), Access.IDENTIFIED);
        m.put(key("GET", "/api/lesions/{id}"), Access.IDENTIFIED);
        m.put(key("GET", "/api/lesions/{id}/similar"), Access.IDENTIFIED);
        m.put(key("GET", "/api/lesions/{id}/matches"), Access.IDENTIFIED);
        m.put(key("GET", "/api/patients/{pid}/lesions"), Access.IDENTIFIED);
        m.put(key("GET", "/api/patients/{pid}/tracks"), Access.IDENTIFIED);
        m.put(key("POST", "/api/lesions"), Access.WRITE);
        m.put(key("DELETE", "/api/lesions/{id}"), Access.WRITE);
        m.put(key("POST", "/dicomweb/studies"), Access.WRITE);
        m.put(key("POST", "/dicomweb/studies/{study}"), Access.WRITE);
        return new RoutePolicy(m);
    }

    public Access access(String method, String routeTemplate) {
        String m = method.toUpperCase(Locale.ROOT);
        // HEAD and OPTIONS ask about a GET route; they need what the GET needs
        if (m.equals("HEAD") || m.equals("OPTIONS")) {
            m = "GET";
        }
        return byRoute.getOrDefault(key(m, routeTemplate), Access.ADMIN);
    }

    /** Whether the route is listed (unlisted routes are admin-only). */
    public boolean lists(String method, String routeTemplate) {
        return byRoute.containsKey(key(method.toUpperCase(Locale.ROOT), routeTemplate));
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }
}
