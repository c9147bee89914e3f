package io.redflag.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Redflag service: connects to the CRM (or to the embedded demo org) and exposes its state. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RedflagApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedflagApplication.class, args);
    }
}
