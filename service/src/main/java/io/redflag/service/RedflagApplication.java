package io.redflag.service;

import io.redflag.service.backtest.BacktestCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Redflag service: connects to the CRM (or, with {@code --demo}, to the embedded demo org). {@code backtest …}
 * replays the scorecard over the store instead ({@link BacktestCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RedflagApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("backtest")) {
            System.exit(BacktestCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RedflagApplication.class, withDemoSwitch(args));
    }

    /** {@code --demo} is the README's short form of {@code --redflag.demo=true}. */
    static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--redflag.demo=true" : a).toArray(String[]::new);
    }
}
