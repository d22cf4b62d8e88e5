# feature: a container class whose __iter__ returns a fresh iterator object each time
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __iter__(self):
        return DeckIter(self.cards)

    def __len__(self):
        return len(self.cards)

class DeckIter:
    def __init__(self, cards):
        self.cards = cards
        self.pos = 0

    def __next__(self):
        if self.pos >= len(self.cards):
            raise StopIteration
        self.pos += 1
        return self.cards[self.pos - 1]

    def __iter__(self):
        return self

d = Deck("AKQ")
print(list(d), list(d), len(d))
print([(a, b) for a in d for b in d if a < b])
