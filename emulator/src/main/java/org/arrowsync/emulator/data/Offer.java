package org.arrowsync.emulator.data;

import java.math.BigDecimal;
import java.util.List;

/** The products licenses are sold from; IAAS offers bill metered usage, SAAS offers bill seats. */
public enum Offer {
    AZURE(
            "IAAS",
            "Microsoft",
            "MSCSP",
            "Microsoft Azure Plan",
            "MS-AZR-0145P",
            "AZ24",
            null,
            List.of(
                    new Meter("Virtual Machines", "D2s v3", "1 Hour"),
                    new Meter("Storage", "Premium SSD Managed Disks", "1 GB/Month"),
                    new Meter("Bandwidth", "Data Transfer Out", "1 GB"),
                    new Meter("SQL Database", "General Purpose vCore", "1 Hour"))),
    AWS(
            "IAAS",
            "Amazon Web Services",
            "ARWS-MSS",
            "AWS Marketplace Account",
            "AWS-ACCOUNT",
            "AWSIM24",
            null,
            List.of(
                    new Meter("Amazon Elastic Compute Cloud", "t3.medium", "Hrs"),
                    new Meter("Amazon Simple Storage Service", "Standard Storage", "GB-Mo"),
                    new Meter("Amazon Relational Database Service", "db.m5.large", "Hrs"))),
    M365_BUSINESS_PREMIUM(
            "SAAS",
            "Microsoft",
            "MSCSP",
            "Microsoft 365 Business Premium",
            "CFQ7TTC0LCHC-0002",
            "MS24",
            "18.04500",
            List.of(new Meter("Microsoft 365", "Business Premium", "Licenses"))),
    M365_E3(
            "SAAS",
            "Microsoft",
            "MSCSP",
            "Microsoft 365 E3",
            "CFQ7TTC0LFLZ-0001",
            "MS24",
            "30.78000",
            List.of(new Meter("Microsoft 365", "E3", "Licenses")));

    /** A metered usage kind as ArrowSphere consumption reports name it. */
    public record Meter(String category, String subCategory, String unit) {}

    private static final BigDecimal SEAT_MARGIN = new BigDecimal("1.15");

    private final String classification;
    private final String vendorName;
    private final String programCode;
    private final String productName;
    private final String arrowSku;
    private final String sequencePrefix;
    private final BigDecimal seatBuyPrice;
    private final List<Meter> meters;

    Offer(
            String classification,
            String vendorName,
            String programCode,
            String productName,
            String arrowSku,
            String sequencePrefix,
            String seatBuyPrice,
            List<Meter> meters) {
        this.classification = classification;
        this.vendorName = vendorName;
        this.programCode = programCode;
        this.productName = productName;
        this.arrowSku = arrowSku;
        this.sequencePrefix = sequencePrefix;
        this.seatBuyPrice = seatBuyPrice == null ? null : Money.of(seatBuyPrice);
        this.meters = meters;
    }

    public String classification() {
        return classification;
    }

    public boolean metered() {
        return "IAAS".equals(classification);
    }

    public String vendorName() {
        return vendorName;
    }

    public String programCode() {
        return programCode;
    }

    public String productName() {
        return productName;
    }

    public String arrowSku() {
        return arrowSku;
    }

    public String sequencePrefix() {
        return sequencePrefix;
    }

    /** Monthly buy price of one seat (SAAS only, null for metered offers). */
    public BigDecimal seatBuyPrice() {
        return seatBuyPrice;
    }

    /** Monthly sell price of one seat: buy price plus the partner's seat margin. */
    public BigDecimal seatSellPrice() {
        return seatBuyPrice == null ? null : Money.of(seatBuyPrice.multiply(SEAT_MARGIN));
    }

    List<Meter> meters() {
        return meters;
    }

    /** The offer mix each customer receives, cycled when a customer has more licenses. */
    static Offer forSlot(int slot) {
        Offer[] mix = {AZURE, AZURE, AWS, M365_BUSINESS_PREMIUM, M365_E3, AZURE};
        return mix[slot % mix.length];
    }
}
