package io.outboundcalls.console.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.time.Duration;

/**
 * The console's static files: its own (/console/assets) and the webjars it uses (/console/webjars,
 * versions resolved by webjars-locator-lite, so templates name no version). Both sit under
 * /console, the only paths besides the API that the security configuration serves.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**").addResourceLocations("classpath:/console/assets/")
                .setCacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofMinutes(5)));
        registry.addResourceHandler("/console/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(1)))
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
