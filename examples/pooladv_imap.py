import time
from multiprocessing import Pool


def wait_and_return(seconds):
    time.sleep(seconds)
    return seconds


def power(base, exponent):
    return base ** exponent


if __name__ == "__main__":
    delays = [0.5, 0.0, 0.25]
    with Pool(3) as pool:
        print("imap：", list(pool.imap(wait_and_return, delays)))
        print("imap_unordered：", list(pool.imap_unordered(wait_and_return, delays)))
        print("starmap：", pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
