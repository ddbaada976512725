import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def wait_and_return(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    delays = [0.4, 0.0, 0.2]
    with ProcessPoolExecutor(max_workers=3) as executor:
        print("map()：", list(executor.map(wait_and_return, delays)))
        futures = [executor.submit(wait_and_return, d) for d in delays]
        print("as_completed()：", [f.result() for f in as_completed(futures)])
