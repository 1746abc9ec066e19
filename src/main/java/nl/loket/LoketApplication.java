package nl.loket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Loket: one contact hub for every channel a resident uses to reach the municipality. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LoketApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoketApplication.class, args);
    }
}
