package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ApiPrincipals());
    }

    /** In place of Spring Boot's Jackson converter, with the same mapper ({@link SizedJsonConverter} says why). */
    @Bean
    SizedJsonConverter sizedJsonConverter(ObjectMapper mapper) {
        return new SizedJsonConverter(mapper);
    }

    /** Before Jackson's, which would otherwise write a {@link StoredList} through its serializer. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new StoredListConverter());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StorableParameters()).addPathPatterns("/v1/**", "/admin/**");
    }
}
