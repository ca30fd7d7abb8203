package org.arrowsync.firstrun;

import java.net.URI;
import java.util.List;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.ExportType;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsDraft;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a database without settings: the Arrow API from configuration becomes the active settings; without one, the demo
 * starts (an emulator in process, settings pointing at it, and the operator's customers, projects and licensed
 * resources of {@link DemoLedger}). A restarted demo gets a fresh emulator and its settings follow it to the new port.
 */
@Component
class FirstRun implements ApplicationRunner {

    /** Close to the emulator's demo customers, never equal, so the suggestions have something to do. */
    static final List<String> DEMO_CUSTOMERS =
            DemoLedger.CUSTOMERS.stream().map(DemoLedger.DemoCustomer::name).toList();

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final SettingsService settings;
    private final DemoLedger ledger;
    private final ArrowClients clients;
    private final DemoArrow demoArrow;
    private final FirstRunProperties arrow;
    private final DemoProperties demo;

    FirstRun(
            SettingsService settings,
            DemoLedger ledger,
            ArrowClients clients,
            DemoArrow demoArrow,
            FirstRunProperties arrow,
            DemoProperties demo) {
        this.settings = settings;
        this.ledger = ledger;
        this.clients = clients;
        this.demoArrow = demoArrow;
        this.arrow = arrow;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.any()) {
            settings.active().filter(this::demosOwn).ifPresent(this::restartDemo);
        } else if (arrow.configured()) {
            Settings created;
            try {
                created = settings.create(SettingsDraft.active(
                        arrow.apiUrl(),
                        arrow.apiKey(),
                        arrow.exportType() == null ? "" : arrow.exportType(),
                        null,
                        false));
            } catch (InvalidInput refused) {
                throw new ConfiguredArrowRefused(refused.errors());
            }
            log.info(
                    "First start: created active Arrow settings {} for {} from the configuration",
                    created.uuid(),
                    created.apiUrl());
        } else if (demo.enabled()) {
            startDemo();
        }
    }

    private void startDemo() {
        ArrowEmulator emulator = demoArrow.start();
        String apiUrl = emulator.apiBaseUrl().toString();
        ArrowClient arrow = clients.connect(ArrowConnection.of(apiUrl, emulator.apiKey()));
        List<ExportType> types = arrow.exportTypes();
        String exportType = types.stream()
                .filter(ExportType::isDefault)
                .findFirst()
                .or(() -> types.stream().findFirst())
                .map(ExportType::reference)
                .orElse("");
        Settings created = settings.create(SettingsDraft.active(apiUrl, emulator.apiKey(), exportType, null, false));
        settings.markMadeByDemo(created);
        int resources = ledger.create(arrow);
        log.info(
                "Demo mode: no Arrow API configured, so an Arrow emulator with demo data runs at {}, active settings {} point at it"
                        + " and {} demo customers exist with {} licensed resources (ARROWSYNC_DEMO=false turns this off)",
                apiUrl,
                created.uuid(),
                DEMO_CUSTOMERS.size(),
                resources);
    }

    /**
     * D263: whether the active settings are the demo's, to follow its emulator: those the demo made, never others,
     * whatever they look like (an emulator with the demo's key on loopback, as a trial runs one); settings older than
     * the mark are judged by their look, unless an Arrow API is configured.
     */
    private boolean demosOwn(Settings active) {
        return demo.enabled()
                && DemoArrow.isDemo(active.apiUrl(), active.apiKey())
                && settings.madeByDemo(active).orElse(!arrow.configured());
    }

    /**
     * Points the demo settings at this server's own emulator, unless another server sharing the database runs the one
     * they point at: then this server uses that one, and the first server keeps its demo.
     */
    private void restartDemo(Settings active) {
        if (DemoArrow.answers(active.apiUrl(), active.apiKey())) {
            clients.allowPlainHttpTo(URI.create(active.apiUrl()));
            log.info(
                    "Demo mode: settings {} keep the Arrow emulator another server runs at {}",
                    active.uuid(),
                    active.apiUrl());
            return;
        }
        ArrowEmulator emulator = demoArrow.start();
        settings.moveTo(active.uuid(), emulator.apiBaseUrl().toString());
        log.info(
                "Demo mode: the Arrow emulator runs again at {}, settings {} follow it",
                emulator.apiBaseUrl(),
                active.uuid());
    }
}
