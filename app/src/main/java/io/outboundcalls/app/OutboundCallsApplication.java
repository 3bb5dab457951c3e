package io.outboundcalls.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// No user store: callers authenticate with API keys and the operator token (security/SecurityConfiguration),
// so Spring Boot's generated in-memory user and its logged password must not exist.
@SpringBootApplication(scanBasePackages = "io.outboundcalls", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("io.outboundcalls")
public class OutboundCallsApplication {

    public static void main(String[] args) {
        // Axon's update checker calls the internet; this service never should.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(OutboundCallsApplication.class, args);
    }
}
