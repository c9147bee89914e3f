package io.redflag.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Redflag service: connects to the CRM (or to the embedded demo org) and exposes its state. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RedflagApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedflagApplication.class, args);
    }
}
