//! Exact fractions for scoring: means and weighted sums are kept as `num/den` and rounded
//! only when published, so a ranking never depends on floating-point error.

use std::cmp::Ordering;

#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Ratio {
    pub fn new(num: i128, den: i128) -> Ratio {
        let (num, den) = if den < 0 {
            (-num, -den)
        } else {
            (num, den.max(1))
        };
        let g = gcd(num, den);
        Ratio {
            num: num / g,
            den: den / g,
        }
    }

    pub fn int(v: i128) -> Ratio {
        Ratio { num: v, den: 1 }
    }

    pub fn plus(self, o: Ratio) -> Ratio {
        let g = gcd(self.den, o.den);
        let den = self.den / g * o.den;
        Ratio::new(self.num * (den / self.den) + o.num * (den / o.den), den)
    }

    /// `self + o × k`, or `None` when it would overflow (counts of a file edited by hand).
    pub fn checked_add_mul(self, o: Ratio, k: i128) -> Option<Ratio> {
        let num = o.num.checked_mul(k)?;
        let g = gcd(self.den, o.den);
        let den = (self.den / g).checked_mul(o.den)?;
        let a = self.num.checked_mul(den / self.den)?;
        let b = num.checked_mul(den / o.den)?;
        let sum = a.checked_add(b)?;
        // Room for what is done with the result: divided by the weights' total (at most
        // 10^6) and rounded to 4 places (× 10^4).
        den.checked_mul(10_000_000_000)?;
        sum.checked_mul(10_000_000_000)?;
        Some(Ratio::new(sum, den))
    }

    pub fn mul_int(self, k: i128) -> Ratio {
        Ratio::new(self.num * k, self.den)
    }

    pub fn div_int(self, k: i128) -> Ratio {
        Ratio::new(self.num, self.den * k)
    }

    /// Rounded half up (四舍五入, halves away from zero) to an integer count of `10^-places`.
    pub fn round(self, places: u32) -> i64 {
        let scaled = self.num * 10i128.pow(places);
        let twice = 2 * scaled.abs() + self.den;
        let magnitude = twice / (2 * self.den);
        (if scaled < 0 { -magnitude } else { magnitude }) as i64
    }
}

impl PartialEq for Ratio {
    fn eq(&self, o: &Ratio) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Ratio {
    fn cmp(&self, o: &Ratio) -> Ordering {
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_exactly() {
        assert_eq!(Ratio::new(900_050, 10_000).round(2), 9001, "90.005 → 90.01");
        assert_eq!(Ratio::new(900_049, 10_000).round(2), 9000);
        assert_eq!(Ratio::new(269, 3).round(4), 896_667, "89.66666… → 89.6667");
        assert_eq!(Ratio::new(-15, 10).round(0), -2);
    }

    #[test]
    fn arithmetic_is_exact() {
        let third = Ratio::new(1, 3);
        assert_eq!(third.plus(third).plus(third), Ratio::int(1));
        assert_eq!(Ratio::int(7).div_int(2).mul_int(2), Ratio::int(7));
        assert!(Ratio::new(1, 3) < Ratio::new(34, 100));
    }
}
