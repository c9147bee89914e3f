package io.redflag.service;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Redflag service: connects to the CRM (or, with {@code --demo}, to the embedded demo org). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RedflagApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedflagApplication.class, withDemoSwitch(args));
    }

    /** {@code --demo} is the README's short form of {@code --redflag.demo=true}. */
    static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--redflag.demo=true" : a).toArray(String[]::new);
    }
}
