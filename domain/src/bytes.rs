//! A number of bytes in words, written once for the server's messages, the extractor's
//! warnings and the app's file lists: binary units, integers only (no floats in this
//! workspace).

/// `bytes` for a person: "1 byte", "512 bytes", "2.9 KiB", "16 MiB", "1.4 GiB". Below 1 KiB the
/// exact count; above, the largest unit the value reaches once rounded to a tenth
/// (half up), with one decimal, or none when the value is a whole number of that unit
/// (a limit such as "16 MiB" reads as written). A negative count (a stored size that
/// cannot be) reads as 0 bytes.
pub fn size_words(bytes: impl TryInto<u64>) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    let bytes: u64 = bytes.try_into().unwrap_or(0);
    if bytes == 1 {
        return "1 byte".into();
    }
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut unit = 1024u128;
    let mut i = 0;
    let b = u128::from(bytes);
    // Tenths of `unit`, rounded half up; a value that rounds to 1024 of a unit moves up.
    let tenths = |unit: u128| (b * 10 + unit / 2) / unit;
    while i + 1 < UNITS.len() && tenths(unit) >= 10 * 1024 {
        unit *= 1024;
        i += 1;
    }
    let name = UNITS[i];
    if b % unit == 0 {
        format!("{} {name}", b / unit)
    } else {
        let t = tenths(unit);
        format!("{}.{} {name}", t / 10, t % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::size_words;

    #[test]
    fn sizes_read_in_binary_units_with_one_decimal_unless_whole() {
        const KIB: u64 = 1024;
        const MIB: u64 = 1024 * KIB;
        const GIB: u64 = 1024 * MIB;
        let cases: &[(u64, &str)] = &[
            (0, "0 bytes"),
            (1, "1 byte"),
            (1000, "1000 bytes"),
            (1023, "1023 bytes"),
            (KIB, "1 KiB"),
            (KIB + 1, "1.0 KiB"),
            (3000, "2.9 KiB"),
            (1076, "1.1 KiB"), // 1.0508: half up
            (5000, "4.9 KiB"),
            (MIB - 1, "1.0 MiB"), // 1023.999 KiB rounds to 1024.0: the next unit
            (2 * MIB, "2 MiB"),
            (16 * MIB, "16 MiB"),
            (100 * MIB, "100 MiB"),
            (3 * MIB + MIB / 5, "3.2 MiB"),
            (GIB, "1 GiB"),
            (GIB + GIB / 2, "1.5 GiB"),
            (5000 * GIB, "4.9 TiB"),
            (u64::MAX, "16777216.0 TiB"),
        ];
        for (bytes, words) in cases {
            assert_eq!(size_words(*bytes), *words, "{bytes} bytes");
        }
        assert_eq!(size_words(-5i64), "0 bytes");
        assert_eq!(size_words(3000usize), "2.9 KiB");
        assert_eq!(size_words(2 * 1024 * 1024i64), "2 MiB");
    }
}
