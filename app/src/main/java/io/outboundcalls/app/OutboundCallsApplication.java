package io.outboundcalls.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.outboundcalls")
@ConfigurationPropertiesScan("io.outboundcalls")
public class OutboundCallsApplication {

    public static void main(String[] args) {
        // Axon's update checker calls the internet; this service never should.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(OutboundCallsApplication.class, args);
    }
}
