package io.outboundcalls.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A console page's upload passed on to an API route: the page's parts and form fields, the API's path. */
final class InProcessMultipartRequest extends InProcessRequest implements MultipartHttpServletRequest {

    private final MultipartHttpServletRequest upload;

    InProcessMultipartRequest(MultipartHttpServletRequest upload, String pathAndQuery) {
        super(upload, "POST", pathAndQuery, upload.getContentType(), "application/json", true);
        this.upload = upload;
    }

    @Override
    public HttpMethod getRequestMethod() {
        return HttpMethod.POST;
    }

    @Override
    public HttpHeaders getRequestHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, getContentType());
        return headers;
    }

    @Override
    public HttpHeaders getMultipartHeaders(String paramOrFileName) {
        return upload.getMultipartHeaders(paramOrFileName);
    }

    @Override
    public Iterator<String> getFileNames() {
        return upload.getFileNames();
    }

    @Override
    public MultipartFile getFile(String name) {
        return upload.getFile(name);
    }

    @Override
    public List<MultipartFile> getFiles(String name) {
        return upload.getFiles(name);
    }

    @Override
    public Map<String, MultipartFile> getFileMap() {
        return upload.getFileMap();
    }

    @Override
    public MultiValueMap<String, MultipartFile> getMultiFileMap() {
        return upload.getMultiFileMap();
    }

    @Override
    public String getMultipartContentType(String paramOrFileName) {
        return upload.getMultipartContentType(paramOrFileName);
    }
}
