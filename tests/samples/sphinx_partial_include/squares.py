def square(x):
    return x * x


if __name__ == "__main__":
    print(square(3))
