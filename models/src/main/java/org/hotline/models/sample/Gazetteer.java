package org.hotline.models.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hotline.models.records.GeoPoint;

/**
 * Place names and coordinates of a city: districts, their streets, and the communities and roads of each street.
 * {@link #defaultCity()} is 澜江市, a fictional city invented for synthetic demands (resource
 * {@code sample/default-city.csv}).
 */
public final class Gazetteer {
    private static final String DEFAULT_RESOURCE = "/sample/default-city.csv";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).get();

    private final String city;
    private final GeoPoint centre;
    private final List<District> districts;

    public Gazetteer(String city, GeoPoint centre, List<District> districts) {
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("a gazetteer needs at least one district");
        }
        this.city = city;
        this.centre = centre;
        this.districts = List.copyOf(districts);
    }

    private static final class DefaultHolder {
        static final Gazetteer DEFAULT = readDefault();
    }

    /** The fictional city 澜江市: 10 districts and counties, 76 streets and towns. */
    public static Gazetteer defaultCity() {
        return DefaultHolder.DEFAULT;
    }

    private static Gazetteer readDefault() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource " + DEFAULT_RESOURCE + " is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads the CSV form of {@code sample/default-city.csv}: a header comment whose last line is
     * {@code city,lat,lon}, then rows {@code district,kind(urban|rural),street,lat,lon,communities,roads}.
     */
    static Gazetteer read(Reader reader) throws IOException {
        try (CSVParser parser = FORMAT.parse(reader)) {
            String[] cityLine = lastLine(parser.getHeaderComment()).split(",");
            Map<String, List<Street>> streetsByDistrict = new LinkedHashMap<>();
            Map<String, Boolean> rural = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                String district = row.get("district");
                Street street = new Street(row.get("street"), district,
                        new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon"))),
                        List.of(row.get("communities").split("\\|")), List.of(row.get("roads").split("\\|")));
                streetsByDistrict.computeIfAbsent(district, d -> new ArrayList<>()).add(street);
                rural.put(district, "rural".equals(row.get("kind")));
            }
            List<District> districts = new ArrayList<>();
            streetsByDistrict.forEach((name, streets) ->
                    districts.add(new District(name, rural.get(name), meanOf(streets), streets)));
            return new Gazetteer(cityLine[0].trim(), new GeoPoint(Double.parseDouble(cityLine[1].trim()),
                    Double.parseDouble(cityLine[2].trim())), districts);
        }
    }

    private static String lastLine(String comment) {
        if (comment == null) {
            throw new IllegalArgumentException("gazetteer CSV needs a 'city,lat,lon' comment line above the header");
        }
        String[] lines = comment.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static GeoPoint meanOf(List<Street> streets) {
        double lat = streets.stream().mapToDouble(s -> s.centre().lat()).average().orElseThrow();
        double lon = streets.stream().mapToDouble(s -> s.centre().lon()).average().orElseThrow();
        return new GeoPoint(lat, lon);
    }

    public String city() {
        return city;
    }

    public GeoPoint centre() {
        return centre;
    }

    public List<District> districts() {
        return districts;
    }

    public List<Street> streets() {
        return districts.stream().flatMap(d -> d.streets().stream()).toList();
    }

    public Optional<District> district(String name) {
        return districts.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Every name of the city (city, districts, streets, communities, roads), once each, for segmenter dictionaries. */
    public List<String> placeNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(city);
        for (District district : districts) {
            names.add(district.name());
            for (Street street : district.streets()) {
                names.add(street.name());
                names.addAll(street.communities());
                names.addAll(street.roads());
            }
        }
        return List.copyOf(names);
    }
}
