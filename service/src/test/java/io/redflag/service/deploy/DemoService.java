package io.redflag.service.deploy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service on a random port against the embedded demo org, its store in memory (test resources). One
 * annotation, so the deploy tests share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.demo=true", "redflag.salesforce.demo-port=0"})
@interface DemoService {
}
