package io.outboundcalls.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A console page's request re-addressed to an API route ({@link InProcessApi}). It has its own
 * method, path, query and attributes (Spring MVC's attributes of the page's own dispatch are
 * hidden, so the two dispatches never see each other's state); of the page's headers only
 * {@code Range} passes (the recording player), and the content type is the API call's own.
 */
class InProcessRequest extends HttpServletRequestWrapper {

    private static final String SPRING_ATTRIBUTES = "org.springframework.";
    private static final String CSRF_PARAMETER = "_csrf";

    private final String method;
    private final String path;
    private final String query;
    private final String contentType;
    private final String accept;
    private final Map<String, String[]> parameters;
    private final Map<String, Object> attributes = new HashMap<>();
    private final Set<String> removed = new HashSet<>();

    InProcessRequest(HttpServletRequest page, String method, String pathAndQuery, String contentType, String accept,
                     boolean keepPageParameters) {
        super(page);
        int q = pathAndQuery.indexOf('?');
        this.method = method;
        this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        this.query = q < 0 ? null : pathAndQuery.substring(q + 1);
        this.contentType = contentType;
        this.accept = accept;
        Map<String, String[]> params = new LinkedHashMap<>(keepPageParameters ? page.getParameterMap() : Map.of());
        params.remove(CSRF_PARAMETER); // the page's own protection, not a field of the API's form
        if (query != null) {
            UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams().forEach((name, values) ->
                    params.put(decode(name), values.stream().map(InProcessRequest::decode).toArray(String[]::new)));
        }
        this.parameters = Collections.unmodifiableMap(params);
    }

    private static String decode(String value) {
        return value == null ? "" : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + path);
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getHeader(String name) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            return contentType;
        }
        if (HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
            return accept;
        }
        if (HttpHeaders.RANGE.equalsIgnoreCase(name)) {
            return super.getHeader(name);
        }
        return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return Collections.enumeration(value == null ? List.of() : List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new java.util.ArrayList<>();
        for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.RANGE)) {
            if (getHeader(name) != null) {
                names.add(name);
            }
        }
        return Collections.enumeration(names);
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public int getIntHeader(String name) {
        return -1;
    }

    @Override
    public Object getAttribute(String name) {
        if (attributes.containsKey(name)) {
            return attributes.get(name);
        }
        if (removed.contains(name) || name.startsWith(SPRING_ATTRIBUTES)) {
            return null;
        }
        return super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new HashSet<>(attributes.keySet());
        Collections.list(super.getAttributeNames()).stream()
                .filter(name -> !removed.contains(name) && !name.startsWith(SPRING_ATTRIBUTES)).forEach(names::add);
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        removed.remove(name);
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
        removed.add(name);
    }
}
